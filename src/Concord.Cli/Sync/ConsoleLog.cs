using Microsoft.Extensions.Logging;

namespace Concord.Cli.Sync;

/// <summary>Log lines on standard error, one per event: what <c>concord sync</c> prints when not on a terminal.</summary>
internal sealed class ConsoleLog<T>(LogLevel minimum) : ILogger<T>
{
    private static readonly Lock Gate = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var level = logLevel switch
        {
            LogLevel.Warning => "warning: ",
            LogLevel.Error or LogLevel.Critical => "error: ",
            LogLevel.Debug or LogLevel.Trace => "debug: ",
            _ => "",
        };
        lock (Gate) Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {level}{formatter(state, exception)}");
    }
}
