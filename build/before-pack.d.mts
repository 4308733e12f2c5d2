// electron-builder's BeforePackContext is the same PackContext as AfterPackContext; only the latter is re-exported.
import type { AfterPackContext } from 'electron-builder';

export function nativeBuildFile(electronVersion: string, platform: string, arch: string): string;
export function checkNativeBuild(target: { projectDir: string; electronVersion: string; platform: string; arch: string }): string;
export function beforePack(context: AfterPackContext): Promise<void>;
