#!/bin/sh
echo "listening on ${port}"
