using System.Text;

namespace K8sGpt.Ai.Cache;

/// <summary>
/// One file per key (named by the 64-hex key) holding the base64 of the answer, as the reference tool does, under
/// <c>$XDG_CACHE_HOME/k8sgpt</c>. Files are written atomically with mode 0600.
/// </summary>
public sealed class FileResponseCache(string directory) : IResponseCache
{
    public string Directory { get; } = directory;

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable entry is a miss: the answer is fetched again and the entry rewritten.
            return null;
        }

        try
        {
            var answer = Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
            return answer.Length > 0 ? answer : null;
        }
        catch (FormatException)
        {
            // A corrupt entry (not base64) is a miss and gets replaced by the next answer.
            return null;
        }
    }

    public async Task SetAsync(string key, string answer, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(key);
        var temp = Path.Combine(Directory, $".{key}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var stream = new FileStream(temp, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(answer)).AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Every entry, oldest first; empty when the folder does not exist yet.</summary>
    public IReadOnlyList<CacheEntry> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return new DirectoryInfo(Directory).EnumerateFiles()
            .Where(static f => CacheKey.IsKey(f.Name))
            .Select(static f => new CacheEntry(f.Name, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))
            .OrderBy(static e => e.UpdatedAt)
            .ThenBy(static e => e.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Deletes one entry; false when there is none by that key.</summary>
    public bool Remove(string key)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private string PathOf(string key)
    {
        if (!CacheKey.IsKey(key))
        {
            throw new ArgumentException($"'{key}' is not a cache key (64 lower-case hex characters)", nameof(key));
        }

        return Path.Combine(Directory, key);
    }
}
