using System.Collections.Concurrent;
using System.Diagnostics;

namespace K8sGpt.Server.Tests.Support;

/// <summary>A process whose stdout/stderr lines are collected; a test can wait for a line that matches.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly Lock _gate = new();

    public ChildProcess(string fileName, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) => OnLine(_stderr, e.Data);
        _process.OutputDataReceived += (_, e) => OnLine(_stdout, e.Data);
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Id => _process.Id;

    public string Stderr => string.Join('\n', _stderr);

    public string Stdout => string.Join('\n', _stdout);

    /// <summary>Completes with the first stderr or stdout line (already seen or still to come) that matches.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        lock (_gate)
        {
            var seen = _stderr.Concat(_stdout).FirstOrDefault(match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, found));
            return found.Task;
        }
    }

    /// <summary>Waits for a matching line; on timeout the exception carries everything the process printed.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        try
        {
            return await WaitForLineAsync(match).WaitAsync(timeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"no matching line within {timeout}; exited: {_process.HasExited}; stderr:\n{Stderr}\nstdout:\n{Stdout}", ex);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToArray())
            {
                waiter.Found.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }
}
