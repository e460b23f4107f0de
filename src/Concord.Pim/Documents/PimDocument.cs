using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Concord.Pim.ContentLines;

namespace Concord.Pim.Documents;

/// <summary>
/// Parses vCard 2.1/3.0/4.0, vCalendar 1.0 and iCalendar 2.0 items into <see cref="PimComponent"/> trees and writes
/// them back: every property, parameter and value survives parse then write.
/// </summary>
public static partial class PimDocument
{
    private static readonly ContentLineReaderOptions StringOptions = new() { CharsetAppliesToRawValues = false };

    /// <summary>Parses one item from its bytes.</summary>
    /// <exception cref="PimFormatException">The item is malformed, too large, or in an unknown charset.</exception>
    public static PimComponent Parse(ReadOnlySpan<byte> item, ContentLineReaderOptions? options = null)
    {
        var all = ParseAll(item, options, single: true);
        if (all.Count == 0) throw new PimFormatException(PimError.UnbalancedComponents, 0, Errors.Empty);
        return all[0];
    }

    /// <summary>Parses one item from a string (its characters already decoded, so CHARSET applies to QP only).</summary>
    /// <exception cref="PimFormatException">The item is malformed or too large.</exception>
    public static PimComponent Parse(string item, ContentLineReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Parse(Encoding.UTF8.GetBytes(item), (options ?? StringOptions) with { CharsetAppliesToRawValues = false });
    }

    /// <summary>Parses every item of a file of items (a .vcf or .ics with several).</summary>
    /// <exception cref="PimFormatException">An item is malformed.</exception>
    public static List<PimComponent> ParseAll(ReadOnlySpan<byte> items, ContentLineReaderOptions? options = null) =>
        ParseAll(items, options, single: false);

    private static List<PimComponent> ParseAll(ReadOnlySpan<byte> input, ContentLineReaderOptions? options, bool single)
    {
        options ??= ContentLineReaderOptions.Default;
        var result = new List<PimComponent>();
        var stack = new Stack<PimComponent>();
        var reader = new ContentLineReader(input, options);
        try
        {
            Read(ref reader, options, single, result, stack);
        }
        finally
        {
            reader.Dispose();
        }
        if (stack.Count > 0)
        {
            throw new PimFormatException(PimError.UnbalancedComponents, input.Length, Errors.Unclosed(input.Length, stack.Peek().Name));
        }
        return result;
    }

    private static void Read(ref ContentLineReader reader, ContentLineReaderOptions options, bool single,
        List<PimComponent> result, Stack<PimComponent> stack)
    {
        while (reader.Read())
        {
            if (reader.NameIs("BEGIN"u8))
            {
                if (single && result.Count > 0 && stack.Count == 0)
                {
                    throw new PimFormatException(PimError.UnbalancedComponents, reader.LineOffset, Errors.TrailingContent(reader.LineOffset));
                }
                if (stack.Count >= options.MaxDepth)
                {
                    throw new PimFormatException(PimError.TooDeep, reader.LineOffset, Errors.TooDeep(reader.LineOffset, options.MaxDepth));
                }
                var component = new PimComponent(Encoding.UTF8.GetString(reader.Value.Trim(" \t"u8)));
                if (stack.TryPeek(out var parent)) parent.Components.Add(component);
                stack.Push(component);
                continue;
            }
            if (stack.Count == 0)
            {
                var reason = result.Count > 0 ? Errors.TrailingContent(reader.LineOffset) : Errors.NoBegin(reader.LineOffset);
                throw new PimFormatException(PimError.UnbalancedComponents, reader.LineOffset, reason);
            }
            if (reader.NameIs("END"u8))
            {
                var open = stack.Peek();
                var name = reader.Value.Trim(" \t"u8);
                if (!Ascii.EqualsIgnoreCase(name, open.Name))
                {
                    throw new PimFormatException(PimError.UnbalancedComponents, reader.LineOffset,
                        Errors.EndMismatch(reader.LineOffset, Encoding.UTF8.GetString(name), open.Name));
                }
                stack.Pop();
                if (stack.Count == 0) result.Add(open);
                continue;
            }
            stack.Peek().Properties.Add(ReadProperty(ref reader, options));
        }
    }
}
