/*
 * The reference the FUSE benchmarks measure against: libfuse3's low-level API serving one read-only file of zeros
 * (/file, size from $NULLFS_SIZE, 1 GiB by default) with a stable mtime, attributes never cached by the kernel
 * (every stat is a GETATTR upcall), and the same thread count as alluxio-fuse (4). It does no work of its own, so
 * its rates are what FUSE itself allows on this machine.
 *
 * Built by the benchmark with: gcc -O2 nullfs.c $(pkg-config --cflags --libs fuse3) (Debian: libfuse3-dev).
 */
#define FUSE_USE_VERSION 312
#include <fuse_lowlevel.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FILE_INO 2
static off_t file_size = 1L << 30;
static char zeros[1 << 20];

static void fill(fuse_ino_t ino, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_ino = ino;
    st->st_mtime = st->st_ctime = st->st_atime = 1700000000;
    if (ino == FUSE_ROOT_ID) {
        st->st_mode = S_IFDIR | 0755;
        st->st_nlink = 2;
    } else {
        st->st_mode = S_IFREG | 0444;
        st->st_nlink = 1;
        st->st_size = file_size;
    }
}

static void null_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
    struct fuse_entry_param e;
    if (parent != FUSE_ROOT_ID || strcmp(name, "file") != 0) {
        fuse_reply_err(req, ENOENT);
        return;
    }
    memset(&e, 0, sizeof e);
    e.ino = FILE_INO;
    e.entry_timeout = 600;
    e.attr_timeout = 0;
    fill(FILE_INO, &e.attr);
    fuse_reply_entry(req, &e);
}

static void null_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
    struct stat st;
    (void)fi;
    if (ino != FUSE_ROOT_ID && ino != FILE_INO) {
        fuse_reply_err(req, ENOENT);
        return;
    }
    fill(ino, &st);
    fuse_reply_attr(req, &st, 0);
}

static void null_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
    if (ino != FILE_INO) {
        fuse_reply_err(req, EISDIR);
        return;
    }
    fi->keep_cache = 1;
    fuse_reply_open(req, fi);
}

static void null_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off, struct fuse_file_info *fi)
{
    (void)ino;
    (void)fi;
    if (off >= file_size) {
        size = 0;
    } else if ((off_t)size > file_size - off) {
        size = file_size - off;
    }
    if (size > sizeof zeros) {
        size = sizeof zeros;
    }
    fuse_reply_buf(req, zeros, size);
}

static const struct fuse_lowlevel_ops ops = {
    .lookup = null_lookup,
    .getattr = null_getattr,
    .open = null_open,
    .read = null_read,
};

int main(int argc, char *argv[])
{
    struct fuse_args args = FUSE_ARGS_INIT(argc, argv);
    struct fuse_cmdline_opts opts;
    struct fuse_loop_config *config;
    struct fuse_session *se;
    const char *size = getenv("NULLFS_SIZE");
    int ret = 1;

    if (size != NULL) {
        file_size = atoll(size);
    }
    if (fuse_parse_cmdline(&args, &opts) != 0 || opts.mountpoint == NULL) {
        fprintf(stderr, "usage: %s [-o options] <mount_point>\n", argv[0]);
        return 2;
    }
    se = fuse_session_new(&args, &ops, sizeof ops, NULL);
    if (se == NULL || fuse_set_signal_handlers(se) != 0 || fuse_session_mount(se, opts.mountpoint) != 0) {
        return 1;
    }
    printf("mounted\n");
    fflush(stdout);
    config = fuse_loop_cfg_create();
    fuse_loop_cfg_set_max_threads(config, 4);
    fuse_loop_cfg_set_clone_fd(config, 0);
    ret = fuse_session_loop_mt(se, config);
    fuse_loop_cfg_destroy(config);
    fuse_session_unmount(se);
    fuse_remove_signal_handlers(se);
    fuse_session_destroy(se);
    free(opts.mountpoint);
    fuse_opt_free_args(&args);
    return ret ? 1 : 0;
}
