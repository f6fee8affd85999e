using Alluxio.Errors;

namespace Alluxio.Journal;

/// <summary>The journal cannot be opened or written; the message names the folder and what to do.</summary>
public sealed class JournalException : AlluxioException
{
    public JournalException()
        : this("The journal failed.")
    {
    }

    public JournalException(string message)
        : base(ErrorType.Unavailable, message)
    {
    }

    public JournalException(string message, Exception innerException)
        : base(ErrorType.Unavailable, message, innerException)
    {
    }
}
