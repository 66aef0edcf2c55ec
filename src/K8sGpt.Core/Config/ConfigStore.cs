using System.Collections.Concurrent;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sGpt.Core.Config;

/// <summary>
/// Reads and writes <c>k8sgpt.yaml</c>. Reads are tolerant (unknown keys survive a write). Writes are serialized
/// (in this process and across processes, through a lock file), atomic (temp file, flush, rename) and leave the
/// file with mode 0600. A malformed file is reported with its line and is never overwritten.
/// </summary>
/// <remarks>
/// Cross-process serialization: every update holds an exclusive lock on <c>&lt;file&gt;.lock</c> next to the config
/// (<c>flock</c> on Unix, a share-none handle on Windows) while it reads, changes and replaces the file. Another
/// process updating the same file waits, polling, up to the lock timeout (30 s by default) and then fails with a
/// <see cref="ConfigException"/> that says another k8sgpt process is writing; nothing is written in that case. The
/// lock is released by the operating system if the holder dies, so a crash never leaves the file locked. The lock file
/// itself stays (empty, mode 0600): deleting it would let two writers lock two different files. Readers take no lock:
/// the file is replaced by an atomic rename, so a reader sees either the old or the new contents, never a mix.
/// When the config path is a symbolic link, the link is kept and its final target is replaced.
/// </remarks>
public sealed class ConfigStore
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_processLocks = new(StringComparer.Ordinal);
    private static readonly TimeSpan s_defaultLockTimeout = TimeSpan.FromSeconds(30);
    private readonly TimeSpan _lockTimeout;

    public ConfigStore(string path)
        : this(path, s_defaultLockTimeout)
    {
    }

    /// <param name="path">The config file.</param>
    /// <param name="lockTimeout">How long an update waits for other writers (this process or others) before failing.</param>
    public ConfigStore(string path, TimeSpan lockTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _lockTimeout = lockTimeout;
    }

    public string Path { get; }

    /// <summary>Loads the file; a missing file is an empty config, a malformed one an error naming file and line.</summary>
    /// <exception cref="ConfigException">The file cannot be read or is not valid.</exception>
    public K8sGptConfig Load()
    {
        string text;
        try
        {
            if (Directory.Exists(Path))
            {
                throw new ConfigException($"config file {Path} is a folder; pass a file path with --config");
            }

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
        ArgumentNullException.ThrowIfNull(change);
        if (!await gate.WaitAsync(_lockTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new ConfigException($"timed out waiting to write config file {Path}: another update in this process is still running");
        }

        try
        {
            CreateFolder(System.IO.Path.GetDirectoryName(Path)!);
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
            throw new ConfigException($"config file {file} is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {Reason(ex)}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            return K8sGptConfig.Empty;
        }

        if (stream.Documents.Count > 1)
        {
            // Only one document is read; accepting more would silently drop the rest on the next write.
            throw new ConfigException($"config file {file}, line {stream.Documents[1].RootNode.Start.Line}: a second YAML document starts here; the config file holds exactly one");
        }

        return stream.Documents[0].RootNode switch
        {
            YamlMappingNode root => ConfigYaml.Read(root, file),
            YamlScalarNode scalar when ConfigYaml.IsNull(scalar) => K8sGptConfig.Empty,
            var other => throw new ConfigException($"config file {file}, line {other.Start.Line}: the top level must be a mapping of keys"),
        };
    }

    /// <summary>The YAML library's message repeats the position as "(Line: 4, Col: 4, Idx: ...) - (...): "; keep the reason.</summary>
    private static string Reason(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }

    private static void CreateFolder(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot create config folder {directory}: {ex.Message}", ex);
        }
    }

    /// <summary>The file that is replaced: the config path itself, or the final target when it is a symbolic link.</summary>
    private string WriteTarget()
    {
        var info = new FileInfo(Path);
        return info.LinkTarget is null ? Path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path;
    }

    private async Task WriteAtomicallyAsync(string text, CancellationToken cancellationToken)
    {
        var target = WriteTarget();
        var directory = System.IO.Path.GetDirectoryName(target)!;
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
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

            File.Move(temp, target, overwrite: true);
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
        var deadline = DateTime.UtcNow + _lockTimeout;
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        while (true)
        {
            try
            {
                return new FileStream(lockPath, options);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ConfigException($"cannot lock config file {Path}: {ex.Message}", ex);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new ConfigException($"timed out after {_lockTimeout.TotalSeconds:0.#}s waiting for another k8sgpt process to finish writing {Path} (lock file {lockPath})", ex);
            }
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The temp file is in the config folder under a dot-name; leaving it is harmless, hiding the first error is not.
        }
    }
}
