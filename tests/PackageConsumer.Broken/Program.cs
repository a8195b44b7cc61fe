// Never runs: the schema next to this file is broken, so the build stops at the generator's diagnostic.
System.Console.WriteLine("unreachable");
