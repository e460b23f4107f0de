using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Concord.Client.Tests.Support;

/// <summary>Sends log lines to the test's output (shown when a test fails, or with --logger "console;verbosity=detailed").</summary>
internal sealed class OutputLogger<T>(ITestOutputHelper output, LogLevel minimum = LogLevel.Information) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}");
        }
        catch (InvalidOperationException)
        {
            // the test is over
        }
    }
}
