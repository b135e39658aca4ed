// The site's own code: listen to the elements' events like any DOM event.
document.addEventListener('rk-plan-select', (event) => {
  document.querySelector('#chosen').textContent = `已选择：${event.detail.level} ${event.detail.qualification}`;
});
