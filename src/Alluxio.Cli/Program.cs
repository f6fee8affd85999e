using Alluxio.Cli;

return CliApplication.Run(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable);
