namespace Concord.EndToEnd;

/// <summary>
/// One generated contact as device A holds it: its file in the file-backend folder and the fields the benchmark
/// checks on device B. <see cref="Email"/> carries the index and identifies the contact on every device.
/// </summary>
internal sealed record GeneratedContact(
    int Index,
    string FileName,
    string Email,
    string FullName,
    IReadOnlyList<string> Phones,
    string Note,
    string VCard);
