namespace Concord.Sync.Stores;

/// <summary>
/// Finds a store's changes since the last sync with a peer by comparing the versions its items have now with the
/// versions the peer last confirmed: for stores that keep no change log of their own (a folder of files).
/// </summary>
public static class ChangeDetector
{
    /// <summary>New ids are adds, ids whose version differs are replaces, confirmed ids no longer there are deletes.</summary>
    /// <returns>The changes, adds and replaces in id order, then deletes in id order.</returns>
    public static IReadOnlyList<ItemChange> Compare(IEnumerable<ItemVersion> now, IReadOnlyDictionary<string, string> confirmed)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(confirmed);
        var changes = new List<ItemChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in now.OrderBy(v => v.Id, StringComparer.Ordinal))
        {
            if (!seen.Add(item.Id)) continue;
            if (!confirmed.TryGetValue(item.Id, out var version)) changes.Add(new ItemChange(item.Id, ChangeKind.Add));
            else if (!string.Equals(version, item.Version, StringComparison.Ordinal)) changes.Add(new ItemChange(item.Id, ChangeKind.Replace));
        }
        foreach (var id in confirmed.Keys.Order(StringComparer.Ordinal))
        {
            if (!seen.Contains(id)) changes.Add(new ItemChange(id, ChangeKind.Delete));
        }
        return changes;
    }
}
