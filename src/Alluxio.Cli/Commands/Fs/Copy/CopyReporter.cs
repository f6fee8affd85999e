namespace Alluxio.Cli.Commands.Fs.Copy;

/// <summary>
/// The output of a copy, safe to call from parallel copies: Alluxio's lines, and on a terminal a progress bar redrawn
/// beneath them at most ten times a second and erased at the end.
/// </summary>
internal sealed class CopyReporter(TextWriter output, bool drawProgress) : IDisposable
{
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private int _files;
    private int _filesDone;
    private long _bytes;
    private long _bytesDone;
    private int _drawnLength;
    private DateTimeOffset _lastDraw = DateTimeOffset.MinValue;

    /// <summary>Adds a file of <paramref name="length"/> bytes to the work to show.</summary>
    public void Expect(long length)
    {
        lock (_lock)
        {
            _files++;
            _bytes += length;
        }
    }

    public void Copied(long bytes)
    {
        lock (_lock)
        {
            _bytesDone += bytes;
            Draw(force: false);
        }
    }

    /// <summary>Prints a line; a finished file's line when <paramref name="fileDone"/>.</summary>
    public void Line(string line, bool fileDone = false)
    {
        lock (_lock)
        {
            Erase();
            output.WriteLine(line);
            if (fileDone)
            {
                _filesDone++;
            }

            Draw(force: true);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            Erase();
        }
    }

    private void Draw(bool force)
    {
        var now = DateTimeOffset.UtcNow;
        if (!drawProgress || _files == 0 || (!force && now - _lastDraw < s_redrawInterval))
        {
            return;
        }

        var bar = ProgressBar.Render(_filesDone, _files, _bytesDone, _bytes);
        output.Write('\r' + bar.PadRight(_drawnLength));
        output.Flush();
        _drawnLength = bar.Length;
        _lastDraw = now;
    }

    private void Erase()
    {
        if (_drawnLength > 0)
        {
            output.Write('\r' + new string(' ', _drawnLength) + '\r');
            _drawnLength = 0;
        }
    }
}
