namespace Concord.Card.FileSystem;

/// <summary>What a function on a file needs (TS 102 221 §9.2, simplified to the levels this card uses).</summary>
public enum AccessCondition
{
    /// <summary>ALW: always allowed.</summary>
    Always,

    /// <summary>PIN1 verified, or PIN1 disabled.</summary>
    Pin1,

    /// <summary>NEV: never allowed over the interface.</summary>
    Never,
}
