using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alluxio.Server.Web;

/// <summary>Renders a page component on the server with its parameters: HTML, no script.</summary>
internal static class WebPages
{
    public static RazorComponentResult<TPage> Render<TPage>(object parameters)
        where TPage : IComponent => new(parameters);
}
