namespace Concord.Sync.Stores;

/// <summary>An item as a data store holds it: its id in the store, its content and the content's MIME type.</summary>
/// <param name="Id">The store's own id for the item (a file name, a card record number): the LUID a client sends.</param>
/// <param name="Content">The item as text: a vCard, a vCalendar or iCalendar object, a note.</param>
/// <param name="ContentType">The MIME type of <paramref name="Content"/>, e.g. text/vcard or text/x-vcard.</param>
public sealed record StoreItem(string Id, string Content, string ContentType);
