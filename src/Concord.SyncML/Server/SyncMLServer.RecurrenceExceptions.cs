using Concord.Pim;
using Concord.Pim.Converters;
using Concord.Sync;
using Concord.Sync.State;

namespace Concord.SyncML.Server;

public sealed partial class SyncMLServer
{
    // vCalendar 1.0 has no RECURRENCE-ID: a detached exception stored as an item of its own reaches a 1.0 device as a
    // plain event, so the master it gets leaves that instance out with an EXDATE.
    private static bool GetsExceptionDates(string? type) => string.Equals(type, "text/x-vcalendar", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An item as a device gets it before conversion: where its format has no RECURRENCE-ID, a master with EXDATEs for
    /// its detached exceptions, and an exception as a plain event.
    /// </summary>
    private static string WithExceptionDates(MessageContext c, StoreSession store, StoredItem item, string type)
    {
        var content = item.Content!;
        if (item.Uid is null || !GetsExceptionDates(type)) return content;
        try
        {
            if (item.RecurrenceId is not null) return DetachedExceptions.AsPlainEvent(content);
            var exceptions = c.Unit.ItemsWithUid(c.UserId, store.Kind.CanonicalName(), item.Uid)
                .Where(x => x.RecurrenceId is not null && !x.Deleted && x.Content is not null).Select(x => x.Content!).ToList();
            return exceptions.Count == 0 ? content : DetachedExceptions.AddExceptionDates(content, exceptions);
        }
        catch (PimFormatException)
        {
            return content;
        }
    }

    /// <summary>
    /// A device without RECURRENCE-ID saw a detached exception as a plain event; deleting it deletes that occurrence,
    /// not the change to it: the master gets an EXDATE for the instance, so no device shows it again at its old time.
    /// </summary>
    private static void ExcludeDeletedOccurrence(MessageContext c, StoreSession store, string storeName, StoredItem exception)
    {
        if (exception.RecurrenceId is null || exception.Uid is null || exception.Content is null || !GetsExceptionDates(DeviceType(c, store))) return;
        foreach (var master in c.Unit.ItemsWithUid(c.UserId, storeName, exception.Uid).Where(x => x.RecurrenceId is null && !x.Deleted && x.Content is not null))
        {
            string text;
            try
            {
                text = DetachedExceptions.AddExceptionDates(master.Content!, [exception.Content]);
            }
            catch (PimFormatException)
            {
                continue;
            }
            if (text != master.Content) c.Unit.PutItem(c.UserId, storeName, master.Guid, ContentOf(text, master.ContentType), c.State.DeviceId);
        }
    }

    /// <summary>
    /// For a device that gets EXDATEs for detached exceptions, a master whose exception was added, changed or removed
    /// by someone else has changed too: the masters of the exceptions among the changes, where the device has them.
    /// </summary>
    private static IEnumerable<MappedHeader> MastersOfChangedExceptions(MessageContext c, StoreSession store, IReadOnlyList<MappedHeader> changed)
    {
        if (!GetsExceptionDates(DeviceType(c, store))) return [];
        var storeName = store.Kind.CanonicalName();
        var masters = new List<MappedHeader>();
        foreach (var uid in changed.Where(h => h.RecurrenceId is not null && h.Uid is not null).Select(h => h.Uid!).Distinct(StringComparer.Ordinal))
        {
            foreach (var master in c.Unit.ItemsWithUid(c.UserId, storeName, uid).Where(x => x.RecurrenceId is null && !x.Deleted))
            {
                var luid = c.Unit.FindLuid(c.UserId, c.State.DeviceId, storeName, master.Guid);
                if (luid is not null) masters.Add(new MappedHeader(master.Guid, master.Sequence, master.ChangedBy, false, luid, null, master.Uid));
            }
        }
        return masters;
    }
}
