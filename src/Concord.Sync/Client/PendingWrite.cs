namespace Concord.Sync.Client;

/// <summary>
/// A change to a local store recorded in the client's state before it is applied (a redo log): a client cut off
/// between the two applies it when it opens the store next, so state and store never disagree.
/// </summary>
/// <param name="Sequence">The order of the write; 0 before it is recorded.</param>
/// <param name="Peer">The peer whose change it is: its confirmed version of the item becomes the written one.</param>
/// <param name="Id">The item's id in the local store.</param>
/// <param name="Kind">Add or Replace write the content; Delete removes the item.</param>
/// <param name="Content">The content to write (null for a delete).</param>
/// <param name="ContentType">The content's MIME type (null for a delete).</param>
public sealed record PendingWrite(long Sequence, string Peer, string Id, ChangeKind Kind, string? Content, string? ContentType);
