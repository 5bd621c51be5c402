PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export GRADIO_ANALYTICS_ENABLED := False
export TOKENIZERS_PARALLELISM := false
export HF_HUB_OFFLINE := 1

.PHONY: setup index run test lint eval eval-public robustness bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

index: setup
	$(BIN)/python -m rag index

run: setup index
	$(BIN)/python app.py

test: setup
	$(BIN)/ruff check rag tests app.py
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check rag tests app.py

EVAL_SETS := questions holdout holdout2 holdout3 holdout4 holdout5 holdout6 holdout7 holdout8 holdout9 holdout10 \
	holdout11 holdout12 holdout13 holdout14 holdout15 holdout16 holdout17 holdout18 holdout19 holdout20 holdout21 holdout22 holdout23 holdout24 holdout25 holdout26 holdout27 holdout28 holdout29 holdout30 holdout31 holdout32 holdout33 holdout34 holdout35 holdout36 holdout37 holdout38 holdout39 holdout40 holdout41 holdout42 holdout43 holdout44 holdout45 holdout46 holdout47 holdout48 holdout49 holdout50 holdout51 holdout52 holdout53 holdout54 holdout55 holdout56 holdout57 holdout58 holdout59 holdout60 holdout61 holdout62 holdout63 holdout64 holdout65 holdout66 holdout67 holdout68 holdout69 holdout70 holdout71 holdout72 holdout73 holdout74 holdout75 holdout76 holdout77 holdout78 holdout79 holdout80 holdout81 holdout82 holdout83 holdout84 holdout85 holdout86 holdout87 holdout88 holdout89 holdout90 holdout91 \
	holdout92 holdout93 holdout94 holdout95 holdout96 holdout97 holdout98 holdout99 \
	holdout100 holdout101 holdout102 holdout103 holdout104 holdout105 holdout106 followups followups2

eval: setup
	$(BIN)/python -m rag eval ../shared/eval/dev.jsonl
	for set in $(EVAL_SETS); do $(BIN)/python -m rag eval eval/$$set.jsonl || exit 1; done

robustness: setup
	RAG_LONG_TESTS=1 $(BIN)/python -m pytest -q -s tests/robustness

bench: setup
	$(BIN)/python -m rag bench --chunks 1000 10000 100000

PUBLIC := .eval
eval-public: setup
	for set in parallel_ko_en parallel_passages summit_news; do \
	  $(BIN)/python -m rag public $$set --out $(PUBLIC)/$$set && \
	  $(BIN)/python -m rag index --corpus $(PUBLIC)/$$set/corpus --index $(PUBLIC)/$$set/index || exit 1; \
	done
	$(BIN)/python -m rag eval $(PUBLIC)/parallel_ko_en/questions.jsonl --retrieval-only \
	  --corpus $(PUBLIC)/parallel_ko_en/corpus --index $(PUBLIC)/parallel_ko_en/index
	$(BIN)/python -m rag eval $(PUBLIC)/parallel_passages/questions.jsonl --retrieval-only \
	  --corpus $(PUBLIC)/parallel_passages/corpus --index $(PUBLIC)/parallel_passages/index
	$(BIN)/python -m rag eval $(PUBLIC)/summit_news/questions.jsonl \
	  --corpus $(PUBLIC)/summit_news/corpus --index $(PUBLIC)/summit_news/index

clean:
	rm -rf index/CURRENT index/gen-* index/.tmp-* index/cache .pytest_cache
