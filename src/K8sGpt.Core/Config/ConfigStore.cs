using System.Collections.Concurrent;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>
/// Reads and writes <c>k8sgpt.yaml</c>. Reads are tolerant (unknown keys survive a write). Writes are serialized
/// (in this process and across processes, through a lock file), atomic (temp file, flush, rename) and leave the
/// file with mode 0600. A malformed file is reported with its line and is never overwritten.
/// </summary>
public sealed class ConfigStore(string path)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_processLocks = new(StringComparer.Ordinal);
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromSeconds(30);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Loads the file; a missing file is an empty config, a malformed one an error naming file and line.</summary>
    /// <exception cref="ConfigException">The file cannot be read or is not valid.</exception>
    public K8sGptConfig Load()
    {
        string text;
        try
        {
            if (!File.Exists(Path))
            {
                return K8sGptConfig.Empty;
            }

            text = File.ReadAllText(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read config file {Path}: {ex.Message}", ex);
        }

        return Parse(text, Path);
    }

    /// <summary>
    /// Applies a change to the current file contents and writes the result atomically. Concurrent updates are
    /// serialized, so none is lost.
    /// </summary>
    /// <returns>The config as written.</returns>
    public async Task<K8sGptConfig> UpdateAsync(Func<K8sGptConfig, K8sGptConfig> change, CancellationToken cancellationToken)
    {
        var gate = s_processLocks.GetOrAdd(Path, static _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(s_lockTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new ConfigException($"timed out waiting to write config file {Path}");
        }

        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var fileLock = await AcquireFileLockAsync(cancellationToken).ConfigureAwait(false);
            var updated = change(Load());
            await WriteAtomicallyAsync(Render(updated), cancellationToken).ConfigureAwait(false);
            return updated;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The YAML text a config is written as.</summary>
    public static string Render(K8sGptConfig config)
    {
        var stream = new YamlStream(new YamlDocument(ConfigYaml.Write(config)));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>Parses config text; errors name the file and line.</summary>
    public static K8sGptConfig Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(text);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ConfigException($"config file {file} is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return K8sGptConfig.Empty;
        }

        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode root => ConfigYaml.Read(root, file),
            YamlScalarNode { Value: null or "" } => K8sGptConfig.Empty,
            var other => throw new ConfigException($"config file {file}, line {other.Start.Line}: the top level must be a mapping of keys"),
        };
    }

    private async Task WriteAtomicallyAsync(string text, CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(temp, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ConfigException($"cannot write config file {Path}: {ex.Message}", ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private async Task<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = Path + ".lock";
        var deadline = DateTime.UtcNow + s_lockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new ConfigException($"timed out waiting for another k8sgpt process to finish writing {Path}", ex);
            }
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // The temp file is in the config folder under a dot-name; leaving it is harmless, hiding the first error is not.
        }
    }
}
