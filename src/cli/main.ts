console.log("corpus-lens CLI: not yet implemented"); process.exitCode = 2;
