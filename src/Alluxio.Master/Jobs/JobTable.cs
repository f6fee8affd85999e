namespace Alluxio.Master.Jobs;

/// <summary>
/// The free and load jobs not finished yet. Journaled state: changed only while the journal applies an entry (under
/// the tree's write lock) and read under the tree's lock, so a restarted master takes up the same jobs.
/// </summary>
public sealed class JobTable
{
    private readonly Dictionary<long, FreeJob> _freeJobs = [];
    private readonly Dictionary<long, LoadJob> _loadJobs = [];

    // How many unfinished free jobs name each file, so a reported block is checked with one lookup.
    private readonly Dictionary<long, int> _filesBeingFreed = [];
    private long _nextJobId = 1;

    public IEnumerable<FreeJob> FreeJobs => _freeJobs.Values;

    public IEnumerable<LoadJob> LoadJobs => _loadJobs.Values;

    public bool IsBeingFreed(long fileId) => _filesBeingFreed.ContainsKey(fileId);

    /// <summary>A new job id, unique for the life of the journal. Only the leader allocates ids.</summary>
    internal long NextJobId() => Interlocked.Increment(ref _nextJobId) - 1;

    internal void AddFree(FreeJob job)
    {
        _freeJobs[job.JobId] = job;
        foreach (var fileId in job.FileIds)
        {
            _filesBeingFreed[fileId] = _filesBeingFreed.GetValueOrDefault(fileId) + 1;
        }

        NoteJobId(job.JobId);
    }

    /// <summary>Ends a free job; ending one that already ended does nothing, so two reports may both end it.</summary>
    internal void RemoveFree(long jobId)
    {
        if (!_freeJobs.Remove(jobId, out var job))
        {
            return;
        }

        foreach (var fileId in job.FileIds)
        {
            var count = _filesBeingFreed.GetValueOrDefault(fileId) - 1;
            if (count > 0)
            {
                _filesBeingFreed[fileId] = count;
            }
            else
            {
                _filesBeingFreed.Remove(fileId);
            }
        }
    }

    internal void AddLoad(LoadJob job)
    {
        _loadJobs[job.JobId] = job;
        NoteJobId(job.JobId);
    }

    internal void RemoveLoad(long jobId) => _loadJobs.Remove(jobId);

    internal void Clear()
    {
        _freeJobs.Clear();
        _loadJobs.Clear();
        _filesBeingFreed.Clear();
        Volatile.Write(ref _nextJobId, 1);
    }

    private void NoteJobId(long jobId)
    {
        var current = Volatile.Read(ref _nextJobId);
        while (jobId >= current)
        {
            var seen = Interlocked.CompareExchange(ref _nextJobId, jobId + 1, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
