/**
 * The search documents stored beside posts and comments (PostSearch, CommentSearch). Whatever
 * writes a post's title or body, or shows or hides a comment, writes these in the same
 * transaction.
 */
import { htmlToText } from "../text/html-to-text";
import { searchDocument } from "./tokens";

export function postSearchDocument(post: { title: string; bodyHtml: string }): { titleTokens: string; bodyTokens: string } {
  return { titleTokens: searchDocument(post.title), bodyTokens: searchDocument(htmlToText(post.bodyHtml)) };
}

export function commentSearchDocument(comment: { body: string }): { bodyTokens: string } {
  return { bodyTokens: searchDocument(comment.body) };
}
