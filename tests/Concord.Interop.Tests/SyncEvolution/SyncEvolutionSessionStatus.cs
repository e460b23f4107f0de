using System.Globalization;

namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>
/// The <c>status.ini</c> SyncEvolution writes into each session folder: overall status and per-datastore statistics
/// (keys <c>source-NAME-KEY</c>, e.g. <c>source-contacts-mode</c>, <c>source-contacts-stat-local-added-total</c>).
/// </summary>
public sealed class SyncEvolutionSessionStatus
{
    private SyncEvolutionSessionStatus(IReadOnlyDictionary<string, string> values)
    {
        Values = values;
    }

    /// <summary>All key/value pairs of status.ini.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>
    /// Overall status: 200 for success, otherwise a SyncML (4xx/5xx) or SyncEvolution (10xxx/20xxx) code.
    /// </summary>
    public int? Status =>
        Values.TryGetValue("status", out var text) && int.TryParse(text, CultureInfo.InvariantCulture, out var status)
            ? status
            : null;

    /// <summary>Reads a status.ini file; null when it does not exist.</summary>
    public static SyncEvolutionSessionStatus? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var separator = line.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && !line.TrimStart().StartsWith('#'))
            {
                values[line[..separator].Trim()] = line[(separator + 1)..].Trim();
            }
        }

        return new SyncEvolutionSessionStatus(values);
    }

    /// <summary>A per-datastore value, e.g. <c>GetDatastoreValue("contacts", "mode")</c>, or null.</summary>
    public string? GetDatastoreValue(string datastoreName, string key)
    {
        return Values.TryGetValue($"source-{datastoreName}-{key}", out var value) ? value : null;
    }

    /// <summary>
    /// The sync mode SyncEvolution reports for a datastore (e.g. <c>slow</c>, <c>two-way</c>,
    /// <c>refresh-from-remote</c>).
    /// </summary>
    public string? GetMode(SyncEvolutionDatastore datastore) =>
        GetDatastoreValue(SyncEvolutionNames.DatastoreName(datastore), "mode");

    /// <summary>
    /// A per-datastore statistic such as <c>local-added-total</c>, <c>local-updated-total</c>,
    /// <c>local-removed-total</c>,
    /// <c>remote-added-total</c>, ...; 0 when absent.
    /// </summary>
    public long GetStatistic(SyncEvolutionDatastore datastore, string statistic)
    {
        var text = GetDatastoreValue(SyncEvolutionNames.DatastoreName(datastore), "stat-" + statistic);
        return long.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
