global using Microsoft.Playwright;
global using ParIndex.EndToEndTests.Infrastructure;
global using Xunit.Abstractions;
global using static Microsoft.Playwright.Assertions;
