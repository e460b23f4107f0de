namespace Concord.Card.Tests.Pcsc;

/// <summary>The tests that share the one test pcscd.</summary>
[CollectionDefinition(Name)]
public sealed class PcscdCollection : ICollectionFixture<PcscdFixture>
{
    public const string Name = "pcscd";
}
