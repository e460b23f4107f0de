namespace Concord.Pim.Matching;

/// <summary>
/// What two items must share to be the same item seen from two sides, for slow sync duplicate detection.
/// Contacts: the normalised name plus any phone or email (or neither has any). Events and tasks: the UID, else
/// summary plus start. Notes: the normalised text.
/// </summary>
/// <param name="Primary">The indexed key: <c>n:</c> name, <c>u:</c> UID, <c>s:</c> summary|start, <c>t:</c> text.</param>
/// <param name="Secondary">A second indexed key (events: summary|start when a UID is the primary), or null.</param>
/// <param name="Details">Phones and emails of a contact, normalised, one per entry; empty otherwise.</param>
public sealed record MatchKey(string Primary, string? Secondary, IReadOnlyList<string> Details)
{
    /// <summary>Whether two items are the same by the rules above.</summary>
    public bool Matches(MatchKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var keyHit = Primary == other.Primary
            || (Secondary is not null && (Secondary == other.Secondary || Secondary == other.Primary))
            || (other.Secondary is not null && other.Secondary == Primary);
        if (!keyHit) return false;
        if (!Primary.StartsWith("n:", StringComparison.Ordinal)) return true;
        if (Details.Count == 0 && other.Details.Count == 0) return true;
        return Details.Intersect(other.Details, StringComparer.Ordinal).Any();
    }

    /// <summary>The details joined for storage.</summary>
    public string DetailsText => string.Join('\n', Details);
}
