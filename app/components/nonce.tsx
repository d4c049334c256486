import { createContext, useContext } from 'react'

/** The per-request CSP nonce; only the server knows it (the browser hides it after load). */
const NonceContext = createContext('')
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
