// Click-to-play: the page shows a poster served by the site and a link to the video.
// This turns each link into a real "Play video: TITLE" button; only when a parent presses
// it is the privacy-enhanced player (youtube-nocookie.com, or Vimeo with dnt=1) loaded.
for (const link of document.querySelectorAll("[data-video] a[data-embed]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.setAttribute("aria-label", link.getAttribute("data-play-label") || "");
  button.append(...link.childNodes);
  link.replaceWith(button);
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.className = "video__iframe";
    frame.src = link.getAttribute("data-embed") || "";
    frame.title = link.getAttribute("data-title") || "";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("allowfullscreen", "");
    button.replaceWith(frame);
    frame.focus();
  });
}
