using Concord.Interop.Tests.SyncEvolution;

namespace Concord.EndToEnd;

/// <summary>
/// Checks a device's contacts against what device A holds: as many items, every contact once (by its EMAIL), the
/// same FN, and every phone number and the note of each contact the two-way round changed.
/// </summary>
internal static class DeviceComparison
{
    private const int ShownProblems = 5;

    /// <summary>Null when the device matches; otherwise what is wrong, with a few examples.</summary>
    public static string? Compare(
        string deviceName,
        IReadOnlyDictionary<string, string> items,
        IReadOnlyList<GeneratedContact> expected,
        bool checkChanges)
    {
        var problems = new List<string>();
        if (items.Count != expected.Count)
        {
            problems.Add($"{deviceName} holds {items.Count} items, device A {expected.Count}");
        }

        var byEmail = expected.ToDictionary(c => c.Email, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        var missingChanges = 0;
        foreach (var (file, text) in items)
        {
            var card = ContactCard.Parse(text);
            if (card.Email is null || !byEmail.TryGetValue(card.Email, out var contact))
            {
                mismatches.Add($"{file}: no EMAIL of a generated contact ({card.Email ?? "none"})");
                continue;
            }

            if (!seen.Add(card.Email))
            {
                mismatches.Add($"{file}: a second copy of {card.Email}");
                continue;
            }

            if (card.FullName != contact.FullName)
            {
                mismatches.Add($"{file}: FN '{card.FullName}', expected '{contact.FullName}'");
            }

            if (checkChanges && ContactGenerator.IsChanged(contact.Index))
            {
                var missingPhones = contact.Phones.Select(ContactCard.Digits).Except(card.PhoneDigits).ToList();
                if (missingPhones.Count > 0 || card.Note != contact.Note)
                {
                    missingChanges++;
                    mismatches.Add(
                        $"{file} ({contact.Email}): changed values missing: "
                        + (missingPhones.Count > 0 ? $"TEL {string.Join(", ", missingPhones)} " : string.Empty)
                        + (card.Note != contact.Note ? $"NOTE is '{card.Note}', expected '{contact.Note}'" : string.Empty));
                }
            }
        }

        var absent = expected.Count(c => !seen.Contains(c.Email));
        if (absent > 0)
        {
            problems.Add($"{absent} of device A's contacts are not on {deviceName}, e.g. "
                         + string.Join(", ", expected.Where(c => !seen.Contains(c.Email)).Take(3).Select(c => c.Email)));
        }

        if (missingChanges > 0)
        {
            problems.Add($"{missingChanges} changed contacts lack their new values on {deviceName}");
        }

        if (mismatches.Count > 0)
        {
            problems.Add($"{mismatches.Count} items differ: "
                         + string.Join("; ", mismatches.Take(ShownProblems))
                         + (mismatches.Count > ShownProblems ? "; ..." : string.Empty));
        }

        return problems.Count == 0 ? null : string.Join(Environment.NewLine, problems);
    }

    /// <summary>Compares the contacts folder of a client.</summary>
    public static string? Compare(
        string deviceName,
        SyncEvolutionClient device,
        IReadOnlyList<GeneratedContact> expected,
        bool checkChanges) =>
        Compare(deviceName, device.ReadItems(SyncEvolutionDatastore.Contacts), expected, checkChanges);
}
