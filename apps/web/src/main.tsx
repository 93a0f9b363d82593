/** The entry: providers (queries, text, session) around the router. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { RouterProvider } from "@tanstack/react-router"
import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { makeRouter } from "./Router"
import { SessionProvider } from "./Session"
import { TextProvider } from "./Text"
import "./styles.css"

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refused call (403, 404, 401) is an answer, not a network hiccup: no retries.
      retry: (count, error) => count < 2 && !(error instanceof Error && error.name === "BashkeProblem"),
      staleTime: 30_000,
    },
  },
})
const router = makeRouter()

const element = document.getElementById("root")
if (element === null) throw new Error("no #root element")
createRoot(element).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <TextProvider>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </TextProvider>
    </QueryClientProvider>
  </StrictMode>,
)
