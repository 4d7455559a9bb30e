// The inquiry form of the demo: checks the fields and says the message was not sent (a demo has no mailbox).
;(() => {
  const form = document.getElementById('inquiry-form')
  const status = document.getElementById('inquiry-status')
  if (!form || !status) return
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!form.reportValidity()) return
    status.textContent = form.dataset.sentMessage || ''
    form.reset()
  })
})()
