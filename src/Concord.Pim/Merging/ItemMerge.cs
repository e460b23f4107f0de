namespace Concord.Pim.Merging;

/// <summary>The result of merging two versions of an item.</summary>
/// <param name="Content">The merged item.</param>
/// <param name="Clashes">Fields both sides changed to different values; the server's value was kept for each.</param>
public sealed record ItemMerge(string Content, IReadOnlyList<string> Clashes)
{
    /// <summary>Whether any field was changed differently on both sides.</summary>
    public bool HasClash => Clashes.Count > 0;
}
