using Alluxio.Configuration;

namespace Alluxio.Common.Tests.Configuration;

public sealed class PropertyKeyRegistryInstanceTests
{
    private static readonly PropertyKey s_moduleKey = new("test.module.setting", "1", "A module's key.", PropertyScope.Server);

    [Fact]
    public void AModulesKeysAreFoundOnceRegistered()
    {
        var registry = PropertyKeyRegistry.CreateWithCommonKeys();
        Assert.Null(registry.Find("test.module.setting"));

        registry.Register([s_moduleKey]);

        Assert.Same(s_moduleKey, registry.Find("TEST.MODULE.SETTING"));
        Assert.Contains(s_moduleKey, registry.All);
        Assert.NotNull(registry.Find("alluxio.master.hostname"));
    }

    [Fact]
    public void RegisteringTheSameKeysAgainChangesNothing()
    {
        var registry = PropertyKeyRegistry.CreateWithCommonKeys();
        registry.Register([s_moduleKey]);
        var count = registry.All.Count;

        registry.Register([s_moduleKey]);
        PropertyKeys.Register(registry);

        Assert.Equal(count, registry.All.Count);
    }

    [Fact]
    public void AnotherKeyWithARegisteredNameIsRefused()
    {
        var registry = PropertyKeyRegistry.CreateWithCommonKeys();
        var clash = new PropertyKey("Alluxio.Master.Hostname", null, "A clash.", PropertyScope.All);

        var error = Assert.Throws<InvalidOperationException>(() => registry.Register([clash]));

        Assert.Contains("Alluxio.Master.Hostname", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATemplateMemberTakesTheShapeOfTheKeyItNames()
    {
        var registry = PropertyKeyRegistry.CreateWithCommonKeys();
        var ranged = new PropertyKey("test.module.count", "1", "A count.", PropertyScope.Server, PropertyType.Integer, minimum: 1);
        registry.Register([ranged]);

        var member = registry.Find("alluxio.master.mount.table.root.option.test.module.count")!;

        Assert.Equal(PropertyType.Integer, member.Type);
        Assert.Equal(1, member.Minimum);
    }

    [Fact]
    public void EveryCommonKeyFieldIsRegistered()
    {
        var fields = typeof(PropertyKeys).GetFields()
            .Select(f => f.GetValue(null))
            .OfType<PropertyKey>()
            .ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, key => Assert.Same(key, PropertyKeyRegistry.Global.Find(key.Name)));
    }
}
