using Alluxio.Grpc;
using Alluxio.Master.Operations;
using Alluxio.Paths;
using Grpc.Core;

namespace Alluxio.Master.Services;

/// <summary>The file system master's gRPC service: parses paths and options, then calls <see cref="FileSystemMaster"/>.</summary>
public sealed class FileSystemMasterService(FileSystemMaster master) : FileSystemMasterClientService.FileSystemMasterClientServiceBase
{
    public override async Task<GetStatusPResponse> GetStatus(GetStatusPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CallContexts.From(context, request.Options?.CommonOptions, request.Options?.LoadMetadataType ?? LoadMetadataPType.Unspecified);
        var info = await master.GetStatusAsync(NamespacePaths.Parse(request.Path), call, context.CancellationToken).ConfigureAwait(false);
        return new GetStatusPResponse { FileInfo = info };
    }

    public override async Task<ExistsPResponse> Exists(ExistsPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = CallContexts.From(context, request.Options?.CommonOptions, request.Options?.LoadMetadataType ?? LoadMetadataPType.Unspecified);
        var exists = await master.ExistsAsync(NamespacePaths.Parse(request.Path), call, context.CancellationToken).ConfigureAwait(false);
        return new ExistsPResponse { Exists = exists };
    }

    public override async Task ListStatus(ListStatusPRequest request, IServerStreamWriter<ListStatusPResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        var options = request.Options ?? new ListStatusPOptions();
        var call = CallContexts.From(context, options.CommonOptions, options.LoadMetadataType);
        var path = NamespacePaths.Parse(request.Path);
        if (options.LoadMetadataOnly)
        {
            await master.LoadMetadataAsync(path, options.Recursive, call, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        var keyRange = options.KeyOrder ? new ListingKeyRange(options.StartAfter, options.Prefix) : null;
        await foreach (var batch in master.ListStatusAsync(path, options.Recursive, keyRange, call, context.CancellationToken).ConfigureAwait(false))
        {
            var response = new ListStatusPResponse();
            response.FileInfos.AddRange(batch);
            await responseStream.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task<CreateDirectoryPResponse> CreateDirectory(CreateDirectoryPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new CreateDirectoryPOptions();
        var info = await master.CreateDirectoryAsync(
            NamespacePaths.Parse(request.Path), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new CreateDirectoryPResponse { FileInfo = info };
    }

    public override async Task<CreateFilePResponse> CreateFile(CreateFilePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new CreateFilePOptions();
        var info = await master.CreateFileAsync(
            NamespacePaths.Parse(request.Path), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new CreateFilePResponse { FileInfo = info };
    }

    public override async Task<CompleteFilePResponse> CompleteFile(CompleteFilePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new CompleteFilePOptions();
        var info = await master.CompleteFileAsync(
            NamespacePaths.Parse(request.Path), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new CompleteFilePResponse { FileInfo = info };
    }

    public override async Task<DeletePResponse> Remove(DeletePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new DeletePOptions();
        await master.DeleteAsync(
            NamespacePaths.Parse(request.Path), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new DeletePResponse();
    }

    public override async Task<RenamePResponse> Rename(RenamePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        await master.RenameAsync(
            NamespacePaths.Parse(request.Path),
            NamespacePaths.Parse(request.DstPath),
            CallContexts.From(context, request.Options?.CommonOptions),
            context.CancellationToken).ConfigureAwait(false);
        return new RenamePResponse();
    }

    public override async Task<SetAttributePResponse> SetAttribute(SetAttributePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new SetAttributePOptions();
        await master.SetAttributeAsync(
            NamespacePaths.Parse(request.Path), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new SetAttributePResponse();
    }

    public override async Task<FreePResponse> Free(FreePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new FreePOptions();
        await master.FreeAsync(
            NamespacePaths.Parse(request.Path), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new FreePResponse();
    }

    public override async Task<MountPResponse> Mount(MountPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new MountPOptions();
        await master.MountAsync(
            NamespacePaths.Parse(request.AlluxioPath), request.UfsPath, options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new MountPResponse();
    }

    public override async Task<UnmountPResponse> Unmount(UnmountPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        await master.UnmountAsync(
            NamespacePaths.Parse(request.AlluxioPath), CallContexts.From(context, request.Options?.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new UnmountPResponse();
    }

    public override async Task<UpdateMountPResponse> UpdateMount(UpdateMountPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options ?? new MountPOptions();
        await master.UpdateMountAsync(
            NamespacePaths.Parse(request.AlluxioPath), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new UpdateMountPResponse();
    }

    public override async Task<GetMountTablePResponse> GetMountTable(GetMountTablePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = new GetMountTablePResponse();
        foreach (var (path, info) in await master.GetMountTableAsync(context.CancellationToken).ConfigureAwait(false))
        {
            response.MountPoints.Add(path, info);
        }

        return response;
    }

    public override async Task<CheckConsistencyPResponse> CheckConsistency(CheckConsistencyPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = NamespacePaths.Parse(request.Path);
        await master.GetStatusAsync(path, CallContexts.From(context, request.Options?.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        var response = new CheckConsistencyPResponse();
        response.InconsistentPaths.AddRange(await master.CheckConsistencyAsync(path, context.CancellationToken).ConfigureAwait(false));
        return response;
    }

    public override async Task<ScheduleAsyncPersistencePResponse> ScheduleAsyncPersistence(ScheduleAsyncPersistencePRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        await master.ScheduleAsyncPersistenceAsync(
            NamespacePaths.Parse(request.Path), CallContexts.From(context, request.Options?.CommonOptions), context.CancellationToken).ConfigureAwait(false);
        return new ScheduleAsyncPersistencePResponse();
    }

    public override Task<LoadPResponse> Load(LoadPRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var options = request.Options ?? new LoadPOptions();
        return master.LoadAsync(NamespacePaths.Parse(request.Path), options, CallContexts.From(context, options.CommonOptions), context.CancellationToken);
    }

    public override Task<GetSyncPathListPResponse> GetSyncPathList(GetSyncPathListPRequest request, ServerCallContext context) =>

        // Active sync exists for HDFS only; no UFS here supports it, so the list is always empty, as for Kodo.
        Task.FromResult(new GetSyncPathListPResponse());
}
