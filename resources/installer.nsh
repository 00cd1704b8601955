; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include).
; `herald` on the PATH: the folder of herald.cmd (resources\bin in the install folder) joins the
; user's Path once at install and leaves it at uninstall. The value is read and written unexpanded
; (entries like %USERPROFILE%\bin stay as they are), then Windows is told the environment changed.

!include "WinMessages.nsh"

!macro heraldPath action
  nsExec::ExecToLog `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$dir = '$INSTDIR\resources\bin'; $$key = 'HKCU:\Environment'; $$old = (Get-Item $$key).GetValue('Path', '', 'DoNotExpandEnvironmentNames'); $$entries = @($$old -split ';' | Where-Object { $$_ -and $$_ -ne $$dir }); if ('${action}' -eq 'add') { $$entries += $$dir }; Set-ItemProperty -Path $$key -Name Path -Value ($$entries -join ';') -Type ExpandString"`
  Pop $0
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customInstall
  !insertmacro heraldPath add
!macroend

!macro customUnInstall
  !insertmacro heraldPath remove
!macroend
