namespace Concord.Interop.Tests.SyncEvolution;

/// <summary>Maps the harness enums onto SyncEvolution's configuration and command-line vocabulary.</summary>
internal static class SyncEvolutionNames
{
    public static IReadOnlyList<SyncEvolutionDatastore> AllDatastores { get; } =
    [
        SyncEvolutionDatastore.Contacts,
        SyncEvolutionDatastore.Calendar,
        SyncEvolutionDatastore.Todo,
        SyncEvolutionDatastore.Memo,
    ];

    /// <summary>
    /// Datastore name in a SyncEvolution configuration, also the default remote URI / server datastore name.
    /// </summary>
    public static string DatastoreName(SyncEvolutionDatastore datastore) => datastore switch
    {
        SyncEvolutionDatastore.Contacts => "contacts",
        SyncEvolutionDatastore.Calendar => "calendar",
        SyncEvolutionDatastore.Todo => "todo",
        SyncEvolutionDatastore.Memo => "memo",
        _ => throw new ArgumentOutOfRangeException(nameof(datastore), datastore, null),
    };

    public static string SyncModeName(SyncEvolutionSyncMode mode) => mode switch
    {
        SyncEvolutionSyncMode.TwoWay => "two-way",
        SyncEvolutionSyncMode.Slow => "slow",
        SyncEvolutionSyncMode.OneWayFromClient => "one-way-from-client",
        SyncEvolutionSyncMode.RefreshFromClient => "refresh-from-client",
        SyncEvolutionSyncMode.OneWayFromServer => "one-way-from-server",
        SyncEvolutionSyncMode.RefreshFromServer => "refresh-from-server",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>Value of the <c>SyncMLVersion</c> property, or null to leave it unset.</summary>
    public static string? ProtocolVersionValue(SyncEvolutionProtocolVersion version) => version switch
    {
        SyncEvolutionProtocolVersion.Auto => null,
        SyncEvolutionProtocolVersion.SyncML10 => "1.0",
        SyncEvolutionProtocolVersion.SyncML11 => "1.1",
        SyncEvolutionProtocolVersion.SyncML12 => "1.2",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    public static string AuthTypeValue(SyncEvolutionAuthType authType) => authType switch
    {
        SyncEvolutionAuthType.Md5 => "md5",
        SyncEvolutionAuthType.Basic => "basic",
        _ => throw new ArgumentOutOfRangeException(nameof(authType), authType, null),
    };

    public static string MimeType(SyncEvolutionItemFormat format) => format switch
    {
        SyncEvolutionItemFormat.VCard30 => "text/vcard",
        SyncEvolutionItemFormat.VCard21 => "text/x-vcard",
        SyncEvolutionItemFormat.ICalendar20 => "text/calendar",
        SyncEvolutionItemFormat.VCalendar10 => "text/x-vcalendar",
        SyncEvolutionItemFormat.PlainText => "text/plain",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static SyncEvolutionItemFormat DefaultFormat(SyncEvolutionDatastore datastore) => datastore switch
    {
        SyncEvolutionDatastore.Contacts => SyncEvolutionItemFormat.VCard30,
        SyncEvolutionDatastore.Calendar => SyncEvolutionItemFormat.ICalendar20,
        SyncEvolutionDatastore.Todo => SyncEvolutionItemFormat.ICalendar20,
        SyncEvolutionDatastore.Memo => SyncEvolutionItemFormat.PlainText,
        _ => throw new ArgumentOutOfRangeException(nameof(datastore), datastore, null),
    };

    /// <summary>Throws when <paramref name="format"/> cannot hold the data of <paramref name="datastore"/>.</summary>
    public static void ValidateFormat(SyncEvolutionDatastore datastore, SyncEvolutionItemFormat format)
    {
        var valid = datastore switch
        {
            SyncEvolutionDatastore.Contacts =>
                format is SyncEvolutionItemFormat.VCard30 or SyncEvolutionItemFormat.VCard21,
            SyncEvolutionDatastore.Calendar or SyncEvolutionDatastore.Todo =>
                format is SyncEvolutionItemFormat.ICalendar20 or SyncEvolutionItemFormat.VCalendar10,
            SyncEvolutionDatastore.Memo =>
                format is SyncEvolutionItemFormat.PlainText or SyncEvolutionItemFormat.ICalendar20,
            _ => false,
        };
        if (!valid)
        {
            throw new ArgumentException(
                $"Format {format} cannot be used for the {datastore} datastore.",
                nameof(format));
        }
    }

    public static string Flag(bool value) => value ? "1" : "0";
}
