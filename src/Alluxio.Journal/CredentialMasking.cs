using Alluxio.Configuration;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Google.Protobuf.Reflection;

namespace Alluxio.Journal;

/// <summary>
/// Masks credentials in journal messages before they are shown: every value of a string-to-string map (mount
/// options) whose key is a credential becomes <see cref="CredentialMasker.Mask"/>, at any depth, so a new message
/// with such a map is covered without touching this code.
/// </summary>
internal static class CredentialMasking
{
    /// <summary>A masked copy of <paramref name="message"/>; the original is left as it is.</summary>
    public static T Masked<T>(T message)
        where T : IMessage<T>
    {
        var copy = message.Clone();
        Mask(copy);
        return copy;
    }

    private static void Mask(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                if (value is MapField<string, string> strings)
                {
                    foreach (var key in strings.Keys.Where(CredentialMasker.IsCredential).ToList())
                    {
                        strings[key] = CredentialMasker.Mask;
                    }
                }
                else if (field.MessageType.FindFieldByNumber(2) is { FieldType: FieldType.Message } && value is System.Collections.IDictionary messages)
                {
                    foreach (var nested in messages.Values.OfType<IMessage>())
                    {
                        Mask(nested);
                    }
                }
            }
            else if (field.FieldType == FieldType.Message)
            {
                if (field.IsRepeated && value is System.Collections.IEnumerable items)
                {
                    foreach (var nested in items.OfType<IMessage>())
                    {
                        Mask(nested);
                    }
                }
                else if (value is IMessage nested)
                {
                    Mask(nested);
                }
            }
        }
    }
}
