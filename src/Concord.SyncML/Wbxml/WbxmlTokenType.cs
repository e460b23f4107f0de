namespace Concord.SyncML.Wbxml;

/// <summary>The kind of token <see cref="WbxmlReader"/> stopped on (WBXML 1.3 §5.8).</summary>
public enum WbxmlTokenType
{
    /// <summary>Nothing read yet, or the document has ended.</summary>
    None,

    /// <summary>
    /// A tag, by code page and token or LITERAL name; <see cref="WbxmlReader.HasContent"/> says if END follows later.
    /// </summary>
    StartElement,

    /// <summary>END closing the innermost element with content.</summary>
    EndElement,

    /// <summary>STR_I: an inline NUL-terminated string.</summary>
    InlineString,

    /// <summary>STR_T: a reference to a string in the string table.</summary>
    TableString,

    /// <summary>ENTITY: one character by its Unicode code point.</summary>
    Entity,

    /// <summary>OPAQUE: length-prefixed bytes.</summary>
    Opaque,

    /// <summary>EXT_I_n, EXT_T_n or EXT_n: an application extension (SyncML defines none).</summary>
    Extension,

    /// <summary>PI: a processing instruction, skipped whole.</summary>
    ProcessingInstruction,
}
