using System.Text.Json;
using Kodo.Emulator.Storage;

namespace Kodo.Emulator.Http;

/// <summary>The JSON properties Kodo gives an object in stat, list and batch answers.</summary>
internal static class ObjectJson
{
    public static void WriteStatProperties(Utf8JsonWriter writer, ObjectInfo info)
    {
        writer.WriteNumber("fsize", info.Size);
        writer.WriteString("hash", info.Hash);
        writer.WriteString("mimeType", info.MimeType);
        writer.WriteNumber("putTime", info.PutTime);
        writer.WriteNumber("type", info.Type);
        if (info.Md5 is not null)
        {
            writer.WriteString("md5", info.Md5);
        }

        if (info.EndUser is not null)
        {
            writer.WriteString("endUser", info.EndUser);
        }

        if (info.Meta.Count > 0)
        {
            writer.WriteStartObject("x-qn-meta");
            foreach (var (name, value) in info.Meta)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }
    }

    public static void WriteListItem(Utf8JsonWriter writer, ObjectInfo info)
    {
        writer.WriteStartObject();
        writer.WriteString("key", info.Key);
        WriteStatProperties(writer, info);
        writer.WriteNumber("status", 0);
        writer.WriteEndObject();
    }
}
