using Concord.Pim.Documents;

namespace Concord.Pim.Tests.Documents;

/// <summary>Structural equality of parsed items, with a message that says which property differs.</summary>
internal static class PimAssert
{
    public static void Equal(PimComponent expected, PimComponent actual, string path = "")
    {
        path += "/" + expected.Name;
        Assert.True(expected.NameIs(actual.Name), $"{path}: component {actual.Name}");
        for (var i = 0; i < Math.Max(expected.Properties.Count, actual.Properties.Count); i++)
        {
            var e = i < expected.Properties.Count ? expected.Properties[i].ToString() : "(none)";
            var a = i < actual.Properties.Count ? actual.Properties[i].ToString() : "(none)";
            Assert.True(e == a, $"{path} property {i}:\nexpected {e}\nactual   {a}");
        }
        Assert.Equal(expected.Components.Count, actual.Components.Count);
        for (var i = 0; i < expected.Components.Count; i++) Equal(expected.Components[i], actual.Components[i], path);
    }
}
