@echo off
rem `herald` on the PATH of an installed Herald: the installer adds this folder to the user's Path.
rem It runs the bundled CLI on Herald's own Electron as plain Node (ELECTRON_RUN_AS_NODE):
rem better-sqlite3 in the installed app is built for Electron's ABI, so a system Node could not load it.
setlocal
set "ELECTRON_RUN_AS_NODE=1"
"%~dp0..\..\Herald.exe" "%~dp0..\app.asar\out\main\cli\main.js" %*
exit /b %ERRORLEVEL%
