"""The optional LLM writer: rewrites the verified, cited answer into prose.

Any OpenAI-compatible endpoint works (Ollama serves one at http://localhost:11434/v1), through
llama-index's `OpenAILike`. The draft it returns is only kept if it passes the same checks as the
deterministic answer; the caller does that verification.
"""

from __future__ import annotations

PROMPT = """You rewrite a verified clinical answer into clear, concise prose for a clinician.
Rules:
- Use only the numbered evidence below. Keep a citation marker [n] after every sentence, pointing to the evidence it uses.
- Do not add any number, dose, threshold or grade that is not in the evidence or the grade table.
- Keep the grade table exactly as given.
- Do not add advice the evidence does not contain.

Question: {question}

Grade table and draft answer:
{answer}

Evidence:
{evidence}

Write the answer in Markdown."""


def make_llm(settings):
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(model=settings.llm_model, api_base=settings.llm_base_url, api_key=settings.llm_api_key,
                      is_chat_model=True, timeout=settings.llm_timeout_s, max_retries=0, temperature=0.0)


def rewrite(llm, result: dict) -> str:
    """The LLM's rewrite of `result['answer']`, given the cited quotes as its only evidence."""
    from llama_index.core.llms import ChatMessage

    evidence = "\n".join(f"[{c['n']}] {c['quote']}" for c in result["citations"])
    prompt = PROMPT.format(question=result["question"], answer=result["answer"], evidence=evidence)
    response = llm.chat([ChatMessage(role="user", content=prompt)])
    text = (response.message.content or "").strip()
    if not text:
        raise ValueError("the LLM returned an empty answer")
    return text
