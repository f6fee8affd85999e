namespace Kodo.Emulator.Uploads;

/// <summary>
/// What a client said about an upload besides its bytes: the key (null: not given), the file name and MIME
/// type hints, metadata and custom variables for returnBody.
/// </summary>
internal sealed record UploadRequest(
    string? Key,
    string? FileName,
    string? MimeType,
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyDictionary<string, string> CustomVars);
