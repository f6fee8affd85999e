using Kodo.Emulator;

return await EmulatorCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
