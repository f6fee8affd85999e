using Kodo.Emulator.Host;

return await EmulatorCommand.Create(Console.Out, Console.Error, Environment.GetEnvironmentVariable).Parse(args).InvokeAsync();
