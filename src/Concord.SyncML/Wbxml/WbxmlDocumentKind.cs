namespace Concord.SyncML.Wbxml;

/// <summary>Which DTD a WBXML public identifier names.</summary>
internal enum WbxmlDocumentKind
{
    Unknown,
    SyncML,
    DevInf,
    MetInf,
}
