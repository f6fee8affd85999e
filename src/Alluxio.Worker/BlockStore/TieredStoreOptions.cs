using Alluxio.Configuration;

namespace Alluxio.Worker.BlockStore;

/// <summary>The worker's tiers and folders, read from <c>alluxio.worker.tieredstore.*</c>.</summary>
public sealed record TieredStoreOptions(IReadOnlyList<StorageTierOptions> Tiers, long FreeAheadBytes = 0)
{
    /// <summary>The name of the folder, inside each block folder, that holds blocks still being written.</summary>
    public const string TempBlocksFolder = ".tmp_blocks";

    private static readonly (PropertyKey Alias, PropertyKey Path, PropertyKey MediumType, PropertyKey Quota)[] s_levels =
    [
        (PropertyKeys.WorkerTieredstoreLevel0Alias, PropertyKeys.WorkerTieredstoreLevel0DirsPath,
            PropertyKeys.WorkerTieredstoreLevel0DirsMediumtype, PropertyKeys.WorkerTieredstoreLevel0DirsQuota),
        (PropertyKeys.WorkerTieredstoreLevel1Alias, PropertyKeys.WorkerTieredstoreLevel1DirsPath,
            PropertyKeys.WorkerTieredstoreLevel1DirsMediumtype, PropertyKeys.WorkerTieredstoreLevel1DirsQuota),
        (PropertyKeys.WorkerTieredstoreLevel2Alias, PropertyKeys.WorkerTieredstoreLevel2DirsPath,
            PropertyKeys.WorkerTieredstoreLevel2DirsMediumtype, PropertyKeys.WorkerTieredstoreLevel2DirsQuota),
    ];

    /// <summary>
    /// Reads the tiers from <paramref name="configuration"/>. A tier lists its folders and their quotas as comma
    /// lists; when there are fewer quotas than folders, the last quota applies to the rest, as in Alluxio.
    /// </summary>
    /// <exception cref="ConfigurationException">A tier is missing its alias, folders or quotas, or two tiers share an alias.</exception>
    public static TieredStoreOptions FromConfiguration(AlluxioConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var levels = configuration.GetInt(PropertyKeys.WorkerTieredstoreLevels);
        if (levels < 1 || levels > s_levels.Length)
        {
            throw new ConfigurationException(
                $"{PropertyKeys.WorkerTieredstoreLevels.Name} is {levels}; a worker has between 1 and {s_levels.Length} tiers.");
        }

        var dataFolder = configuration.Get(PropertyKeys.WorkerDataFolder).Trim('/');
        var tiers = new List<StorageTierOptions>(levels);
        for (var ordinal = 0; ordinal < levels; ordinal++)
        {
            var keys = s_levels[ordinal];
            var alias = configuration.GetOrNull(keys.Alias)?.Trim();
            if (string.IsNullOrEmpty(alias))
            {
                throw new ConfigurationException($"{keys.Alias.Name} must be set: the worker has {levels} tiers.");
            }

            if (tiers.Any(t => string.Equals(t.Alias, alias, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ConfigurationException($"{keys.Alias.Name} is {alias}, which an upper tier already uses.");
            }

            var paths = configuration.GetList(keys.Path);
            var quotas = configuration.GetList(keys.Quota);
            var mediumTypes = configuration.GetList(keys.MediumType);
            if (paths.Count == 0)
            {
                throw new ConfigurationException($"{keys.Path.Name} must name at least one folder for tier {alias}.");
            }

            if (quotas.Count == 0)
            {
                throw new ConfigurationException($"{keys.Quota.Name} must give a quota for the folders of tier {alias}.");
            }

            var dirs = new List<StorageDirOptions>(paths.Count);
            for (var i = 0; i < paths.Count; i++)
            {
                var quotaText = quotas[Math.Min(i, quotas.Count - 1)];
                if (!DataSizeFormat.TryParse(quotaText, out var quota) || quota < 0)
                {
                    throw new ConfigurationException($"{keys.Quota.Name}: '{quotaText}' is not a size such as 1GB.");
                }

                var mediumType = mediumTypes.Count == 0 ? alias : mediumTypes[Math.Min(i, mediumTypes.Count - 1)];
                var dataPath = dataFolder.Length == 0 ? paths[i] : System.IO.Path.Combine(paths[i], dataFolder);
                dirs.Add(new StorageDirOptions(paths[i], mediumType, quota, dataPath));
            }

            tiers.Add(new StorageTierOptions(ordinal, alias, dirs));
        }

        return new TieredStoreOptions(tiers, configuration.GetBytes(PropertyKeys.WorkerTieredstoreFreeAheadBytes));
    }
}
