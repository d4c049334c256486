/**
 * One instance per process, even when a module is evaluated twice (the dev server's module
 * graph beside the server entry, or a rebuilt bundle). Keyed on globalThis.
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __leidraadSingletons?: Map<string, unknown> }
  store.__leidraadSingletons ??= new Map()
  if (!store.__leidraadSingletons.has(name)) store.__leidraadSingletons.set(name, create())
  return store.__leidraadSingletons.get(name) as T
}
