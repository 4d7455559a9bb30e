import { batch, createModel, signal } from '@preact/signals'
import type { ReceiptPage, ReceiptQuery } from '@torii/schema/admin-api'
import { api } from '../api/index.ts'
import { EMPTY_FILTERS, type ReceiptFilters } from '../lib/receipt-filters.ts'

export const PAGE_SIZE = 50

/** The receipts search: the query, the page shown, and the cursors to go back to the first page. */
export const ReceiptsModel = createModel(() => {
  const siteId = signal<string | null>(null, { name: 'receipts.siteId' })
  /** The search form as typed, kept while the admin opens a receipt and comes back. */
  const filters = signal<ReceiptFilters>(EMPTY_FILTERS, { name: 'receipts.filters' })
  const query = signal<ReceiptQuery>({}, { name: 'receipts.query' })
  const page = signal<ReceiptPage | null>(null, { name: 'receipts.page' })
  const pageNumber = signal(1, { name: 'receipts.pageNumber' })
  const cursor = signal<string | undefined>(undefined, { name: 'receipts.cursor' })
  const loading = signal(false, { name: 'receipts.loading' })
  const error = signal<Error | null>(null, { name: 'receipts.error' })

  async function fetchPage() {
    const id = siteId.value
    if (!id) return
    loading.value = true
    error.value = null
    try {
      const next = await api.listReceipts(id, { ...query.value, cursor: cursor.value, limit: PAGE_SIZE })
      if (siteId.value === id) page.value = next
    } catch (cause) {
      error.value = cause as Error
    } finally {
      loading.value = false
    }
  }

  async function search(id: string, nextQuery: ReceiptQuery) {
    batch(() => {
      if (siteId.value !== id) filters.value = EMPTY_FILTERS
      siteId.value = id
      query.value = nextQuery
      cursor.value = undefined
      pageNumber.value = 1
    })
    await fetchPage()
  }

  async function next() {
    const nextCursor = page.value?.nextCursor
    if (!nextCursor) return
    batch(() => {
      cursor.value = nextCursor
      pageNumber.value++
    })
    await fetchPage()
  }

  async function first() {
    batch(() => {
      cursor.value = undefined
      pageNumber.value = 1
    })
    await fetchPage()
  }

  return { siteId, filters, query, page, pageNumber, loading, error, search, next, first, reload: fetchPage }
})

export const receiptsModel = new ReceiptsModel()
