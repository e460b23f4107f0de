namespace Concord.Pim.ContentLines;

/// <summary>Bounds and leniencies of <see cref="ContentLineReader"/>; the defaults are conservative.</summary>
public sealed record ContentLineReaderOptions
{
    /// <summary>The defaults: 4 MiB per item and per line, components nested 8 deep.</summary>
    public static ContentLineReaderOptions Default { get; } = new();

    /// <summary>Largest item accepted, in bytes.</summary>
    public int MaxItemBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest unfolded content line accepted, in bytes.</summary>
    public int MaxLineBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of BEGIN/END components (VCALENDAR > VEVENT > VALARM is 3).</summary>
    public int MaxDepth { get; init; } = 8;

    /// <summary>
    /// How a folded continuation line is joined. <see cref="FoldingMode.Auto"/> follows the item's VERSION: vCard
    /// 2.1 and vCalendar 1.0 (RFC 822 folding) keep the leading white space, later versions drop one.
    /// </summary>
    public FoldingMode Folding { get; init; } = FoldingMode.Auto;

    /// <summary>
    /// Keep a QUOTED-PRINTABLE '=' that is not followed by two hex digits as a literal '=' instead of refusing the
    /// item (a quirk of some phones).
    /// </summary>
    public bool LenientQuotedPrintable { get; init; }

    /// <summary>
    /// Whether a CHARSET parameter applies to values that are not QUOTED-PRINTABLE or BASE64. True for raw bytes off
    /// the wire; false when the item came as a .NET string, whose characters are already decoded.
    /// </summary>
    public bool CharsetAppliesToRawValues { get; init; } = true;
}

/// <summary>How folded lines are joined (RFC 5545 §3.1 / RFC 6350 §3.2 versus vCard 2.1 §2.1.3).</summary>
public enum FoldingMode
{
    /// <summary>By VERSION: 2.1 and 1.0 keep the white space, others drop one character of it.</summary>
    Auto,

    /// <summary>Drop the line break and one white space character (vCard 3.0/4.0, iCalendar).</summary>
    Rfc,

    /// <summary>Drop the line break only, keeping the white space (vCard 2.1, vCalendar 1.0).</summary>
    KeepWhiteSpace,
}
